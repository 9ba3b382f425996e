import { describe, expect, it } from 'vitest'
import { Random } from '../src/index.js'

function draws(seed: number, n: number): number[] {
  const random = new Random(seed)
  return Array.from({ length: n }, () => random.next())
}

describe('Random', () => {
  describe('next()', () => {
    it('gives the same sequence for the same seed and another for another seed', () => {
      expect(draws(7, 50)).toEqual(draws(7, 50))
      expect(draws(7, 50)).not.toEqual(draws(8, 50))
    })

    it('stays in [0, 1) and spreads over it', () => {
      const values = draws(1, 2000)
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...values)).toBeLessThan(1)
      const mean = values.reduce((a, b) => a + b, 0) / values.length
      expect(mean).toBeGreaterThan(0.45)
      expect(mean).toBeLessThan(0.55)
    })
  })

  describe('randint()', () => {
    it('includes both ends and nothing outside them', () => {
      const random = new Random(3)
      const seen = new Set(Array.from({ length: 500 }, () => random.randint(1, 6)))
      expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
    })
  })

  describe('uniform()', () => {
    it('stays in [a, b)', () => {
      const random = new Random(4)
      for (let i = 0; i < 500; i++) {
        const x = random.uniform(0.05, 1)
        expect(x).toBeGreaterThanOrEqual(0.05)
        expect(x).toBeLessThan(1)
      }
    })
  })

  describe('choice()', () => {
    it('picks every element sooner or later, and only elements', () => {
      const random = new Random(5)
      const items = ['a', 'b', 'c', 'd', 'e'] as const
      const seen = new Set(Array.from({ length: 200 }, () => random.choice(items)))
      expect([...seen].sort()).toEqual([...items])
    })
  })
})

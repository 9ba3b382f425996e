import { describe, expect, it } from 'vitest'
import { parseTaskFile, TaskFileError } from '../src/index.js'

describe('parseTaskFile()', () => {
  it('reads command tasks, naming a task after its command when it has no name', () => {
    const text = JSON.stringify([
      { command: 'echo', args: ['hi'] },
      { name: 'build', command: 'npm', args: ['run', 'build'], timeout: 60, retries: 2 },
      { name: 'sh', command: 'echo $HOME', shell: true, cwd: '/tmp', env: { A: '1' } },
    ])
    expect(parseTaskFile(text)).toEqual([
      { name: 'echo', command: 'echo', args: ['hi'] },
      { name: 'build', command: 'npm', args: ['run', 'build'], timeout: 60, retries: 2 },
      { name: 'sh', command: 'echo $HOME', shell: true, cwd: '/tmp', env: { A: '1' } },
    ])
  })

  it('rejects what is not a JSON array of tasks, naming the source and the entry', () => {
    expect(() => parseTaskFile('{', 'a.json')).toThrow(/^a\.json: not valid JSON/)
    expect(() => parseTaskFile('{}', 'a.json')).toThrow(/a\.json: expected a JSON array/)
    expect(() => parseTaskFile('[1]', 'a.json')).toThrow(/a\.json: task 1: `expected an object/)
    expect(() => parseTaskFile('[{"command": "x", "args": "y"}]')).toThrow(/task 1: `args must/)
    expect(() => parseTaskFile('[{"command": "x"}, {"command": ""}]')).toThrow(/task 2: `command/)
    expect(() => parseTaskFile('[{"command": "x", "retries": -1}]')).toThrow(/`retries must/)
    expect(() => parseTaskFile('[{"command": "x", "timeout": "1"}]')).toThrow(/`timeout must/)
    expect(() => parseTaskFile('[{"command": "x", "arg": []}]')).toThrow(/unknown key `arg`/)
    expect(() => parseTaskFile('[{"command": "x", "env": {"A": 1}}]')).toThrow(TaskFileError)
  })
})

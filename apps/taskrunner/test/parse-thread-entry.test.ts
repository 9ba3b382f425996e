import { describe, expect, it } from 'vitest'
import { parseTaskFile } from '../src/index.js'

describe('parseTaskFile() with thread tasks', () => {
  it('reads { module, export, args } with the module relative to the file’s folder', () => {
    const [task] = parseTaskFile(
      '[{ "module": "./cpu.js", "export": "fib", "args": [30], "timeout": 2 }]',
      'tasks.json',
      '/srv/jobs',
    )
    expect(task).toEqual({
      name: 'fib',
      module: new URL('file:///srv/jobs/cpu.js'),
      export: 'fib',
      args: [30],
      timeout: 2,
    })
  })

  it('rejects a thread entry with a bad or unknown field', () => {
    expect(() => parseTaskFile('[{ "module": "./a.js" }]')).toThrow(/export must name/)
    expect(() => parseTaskFile('[{ "module": "./a.js", "export": "f", "shell": true }]')).toThrow(
      /unknown key `shell` for a thread task/,
    )
  })
})

import { LifoQueue, PriorityQueue } from '@strand/queue'

// tuples compare like Python's: element by element
const pq = new PriorityQueue<[number, string]>()
pq.putNowait([2, 'write docs'])
pq.putNowait([1, 'fix bug'])
pq.putNowait([2, 'review'])
console.log(pq.getNowait()) // => [ 1, 'fix bug' ]
console.log(pq.getNowait()) // => [ 2, 'review' ]
console.log(pq.getNowait()) // => [ 2, 'write docs' ]

// your own order; items it finds equal come out first in, first out
const byDue = new PriorityQueue<{ due: number; task: string }>({
  compare: (a, b) => a.due - b.due,
})
byDue.putNowait({ due: 2, task: 'write docs' })
byDue.putNowait({ due: 1, task: 'fix bug' })
byDue.putNowait({ due: 2, task: 'review' })
while (!byDue.empty()) console.log(byDue.getNowait().task)
// => fix bug
// => write docs
// => review

const stack = new LifoQueue<number>({ items: [1, 2, 3] })
console.log(stack.getNowait()) // => 3

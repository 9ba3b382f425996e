/**
 * Keeps the last `limit` characters written to it: a task's output tail, so a chatty
 * command cannot fill the memory of the runner.
 */
export class OutputTail {
  private text = ''

  constructor(private readonly limit: number) {}

  write(chunk: string): void {
    const text = this.text + chunk
    this.text = text.length > this.limit ? text.slice(text.length - this.limit) : text
  }

  toString(): string {
    return this.text
  }
}

import type { Delivery } from '../delivery.js'

/** What a delivery asks of the queue it came from. */
export interface DeliveryHost<T> {
  ackDelivery(d: QueueDelivery<T>): Promise<boolean>
  releaseDelivery(d: QueueDelivery<T>, seen: boolean): Promise<boolean>
  touchDelivery(d: QueueDelivery<T>): Promise<boolean>
}

/** The {@link Delivery} RedisQueue hands out. */
export class QueueDelivery<T> implements Delivery<T> {
  /** Set once it was acknowledged or released by this process. */
  settled = false
  readonly #host: DeliveryHost<T>

  constructor(
    readonly id: string,
    readonly item: T,
    readonly deliveries: number,
    host: DeliveryHost<T>,
  ) {
    this.#host = host
  }

  ack(): Promise<boolean> {
    return this.#host.ackDelivery(this)
  }

  release(): Promise<boolean> {
    return this.#host.releaseDelivery(this, true)
  }

  touch(): Promise<boolean> {
    return this.#host.touchDelivery(this)
  }
}

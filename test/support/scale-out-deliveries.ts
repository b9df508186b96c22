// HubSpot's webhook deliveries to several replicas: signed batches (webhook-kill-events.ts) sent
// a few at a time, each to the replica a load balancer would pick, and sent again when they got
// no 204, as HubSpot retries.
import { deliver, redelivery, type WebhookEvent } from './webhook-kill-events.ts';

export type Deliveries = readonly (readonly WebhookEvent[])[];

/** Where a delivery can go: a replica's port and the public URL its signatures are made for. */
export interface Receiver {
  name: string;
  port: number;
  publicUrl: string;
}

export interface Answer {
  receiver: string;
  status: number | 'error';
}

/**
 * Sends the deliveries `indices`, `inFlight` at a time, delivery i to `receiverOf(i)`; each
 * answer goes into `answers` as it comes.
 */
export async function deliverAll(options: {
  secret: string;
  batches: Deliveries;
  indices: readonly number[];
  receiverOf: (index: number) => Receiver;
  inFlight: number;
  answers: Map<number, Answer>;
}): Promise<void> {
  const { secret, batches, indices, receiverOf, answers } = options;
  let next = 0;
  const lane = async () => {
    while (next < indices.length) {
      const index = indices[next++]!;
      const receiver = receiverOf(index);
      const status = await deliver(receiver.port, receiver.publicUrl, secret, batches[index]!);
      answers.set(index, { receiver: receiver.name, status });
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, lane));
}

/** As HubSpot does: a delivery without a 2xx answer is sent again, a few times at most. */
export async function deliverUntilAcknowledged(options: {
  secret: string;
  batches: Deliveries;
  indices: readonly number[];
  receiver: Receiver;
  inFlight: number;
}): Promise<Map<number, Answer>> {
  const answers = new Map<number, Answer>();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const due = options.indices.filter((i) => answers.get(i)?.status !== 204);
    if (due.length === 0) break;
    await deliverAll({
      ...options,
      batches: options.batches.map((events) => redelivery(events, attempt)),
      indices: due,
      receiverOf: () => options.receiver,
      answers,
    });
  }
  return answers;
}

/**
 * One step of constant load with autocannon: N virtual owners, each a keep-alive
 * connection replaying recorded sessions (dashboard → reservations → … → save), one request
 * at a time, at most one a second (autocannon's `connectionRate`): the think time is the
 * rest of the second. Every response is timed per endpoint.
 *
 * autocannon paces each connection with its own 1-second timer, started when the connection
 * is made: connections made together would all fire in the same millisecond, every second.
 * Real owners don't click in step, so the owners are split into slices started evenly over
 * the first second — the requests arrive spread over each second, as from real users.
 */
import autocannon from 'autocannon';
import type { StageRecorder } from './plan.ts';
import type { LoadOwner, RecordedRequest } from './session.ts';

export interface Target {
  /** Origin receiving the replay: PostgREST itself, or the gateway. */
  origin: string;
  /** Prefix of the REST paths at that origin ('' for PostgREST, '/rest/v1' for the gateway). */
  restPrefix: string;
  anonKey: string;
}

/** Hands out the next owner's session: every session loop is another virtual owner's. */
export class OwnerRotation {
  private next = 0;
  constructor(private readonly owners: readonly LoadOwner[]) {
    if (owners.length === 0) throw new Error('no virtual owner to replay');
  }
  take(): LoadOwner {
    const owner = this.owners[this.next % this.owners.length] as LoadOwner;
    this.next += 1;
    return owner;
  }
}

/**
 * autocannon's response parser does not know a HEAD answer has no body: it would wait for
 * the announced length until the timeout. A HEAD (a count without rows, like the
 * notifications bell) is replayed as the same GET limited to 0 rows: PostgREST runs the
 * same count, and the body is an empty array.
 */
export function replayable(request: RecordedRequest): RecordedRequest {
  if (request.method !== 'HEAD') return request;
  const separator = request.path.includes('?') ? '&' : '?';
  return { ...request, method: 'GET', path: `${request.path}${separator}limit=0` };
}

interface SlotContext {
  owner?: LoadOwner;
}

type Slot = autocannon.Request & { endpoint: string };

/** The replay slots: slot i sends request i of the current owner's session. */
function slots(
  template: readonly RecordedRequest[],
  rotation: OwnerRotation,
  target: Target,
): Slot[] {
  return template.map((recorded, index) => ({
    endpoint: recorded.name,
    method: replayable(recorded).method as autocannon.Request['method'],
    setupRequest: (request: autocannon.Request, context: SlotContext) => {
      if (index === 0 || !context.owner) context.owner = rotation.take();
      const owner = context.owner;
      const own = replayable(owner.session[index] as RecordedRequest);
      request.method = own.method as autocannon.Request['method'];
      request.path = `${target.restPrefix}${own.path}`;
      request.headers = {
        ...own.headers,
        apikey: target.anonKey,
        authorization: `Bearer ${owner.accessToken}`,
      };
      if (own.body !== undefined) request.body = own.body;
      else delete request.body;
      return request;
    },
  }));
}

/** autocannon's per-connection request iterator (not in its types; used as its source does). */
interface ClientInternals {
  requestIterator?: {
    currentRequest?: { endpoint?: string };
    currentRequestIndex: number;
    requests: unknown[];
    rebuildRequest(): void;
  };
}

function endpointOf(client: unknown): string | undefined {
  return (client as ClientInternals).requestIterator?.currentRequest?.endpoint;
}

/**
 * Starts a connection at slot `index` of the session instead of the first: owners are never
 * all on the dashboard at the same moment, and a short step covers the whole session.
 */
function startAt(client: unknown, index: number): void {
  const iterator = (client as ClientInternals).requestIterator;
  if (!iterator || index === 0) return;
  iterator.currentRequestIndex = index;
  iterator.currentRequest = iterator.requests[index] as { endpoint?: string };
  iterator.rebuildRequest();
}

export interface StepOptions {
  owners: number;
  seconds: number;
  /** At most this many slices (autocannon instances), started `1000 / slices` ms apart. */
  maxSlices?: number;
  timeoutSeconds?: number;
}

/** Runs one step; resolves when every slice is done. */
export async function runStep(
  target: Target,
  rotation: OwnerRotation,
  template: readonly RecordedRequest[],
  recorder: StageRecorder,
  options: StepOptions,
): Promise<void> {
  // Slices of 5 owners (1,000 owners: 5 requests every 5 ms), fewer but larger past 1,000.
  const sliceSize = Math.max(5, Math.ceil(options.owners / (options.maxSlices ?? 200)));
  const sliceCount = Math.max(1, Math.ceil(options.owners / sliceSize));
  const gapMs = 1000 / sliceCount;
  const runs: Promise<unknown>[] = [];
  let connection = 0;
  for (let slice = 0; slice < sliceCount; slice += 1) {
    const connections = Math.min(sliceSize, options.owners - slice * sliceSize);
    if (connections <= 0) break;
    const delay = Math.round(slice * gapMs);
    runs.push(
      new Promise((resolve, reject) => {
        setTimeout(() => {
          const instance = autocannon(
            {
              url: target.origin,
              connections,
              connectionRate: 1,
              // The slices started later stop as much later: each runs the whole step.
              duration: options.seconds,
              timeout: options.timeoutSeconds ?? 10,
              requests: slots(template, rotation, target),
              setupClient: (client) => {
                startAt(client, connection % template.length);
                connection += 1;
                // Not in autocannon's types: a client emits 'timeout' when an answer is late.
                (client as unknown as NodeJS.EventEmitter).on('timeout', () =>
                  recorder.fail(endpointOf(client)),
                );
              },
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on('response', (client, statusCode, _bytes, responseTime) => {
            const endpoint = endpointOf(client) ?? 'unknown';
            recorder.record(endpoint, responseTime, statusCode >= 200 && statusCode < 300);
          });
          instance.on('reqError', (error: Error) => {
            // Timeouts are counted per endpoint by the client's own event.
            if (error.message !== 'request timed out') recorder.fail(undefined);
          });
        }, delay);
      }),
    );
  }
  await Promise.all(runs);
}

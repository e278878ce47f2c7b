// The reading worker, in two roles. The guard, started by the importer's thread, starts the reader with its memory
// limits and watches it: the importer waits inside a synchronous transaction and cannot hear a worker's 'exit'
// event, so the guard writes how the reader ended into shared memory. The reader reads the file and posts its
// messages, waiting while the importer is AHEAD messages behind.
import { isMainThread, workerData } from 'node:worker_threads';
import { failure, produce } from './produce.js';
import type { ReadMessage } from './source.js';
import { AHEAD, DEAD, Dead, READY, SENT, STARTED, STOP, TAKEN, startWorker, type WorkerInput } from './worker-protocol.js';

function guard(input: WorkerInput): void {
  const { flag } = input;
  let ended: number = Dead.exited;
  const reader = startWorker(input.entry, {
    workerData: { ...input, role: 'read' } satisfies WorkerInput,
    transferList: [input.port, input.job.data.buffer as ArrayBuffer],
    // A runaway file fails this worker, not the process.
    resourceLimits: { maxOldGenerationSizeMb: input.heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  reader.stdout.resume();
  reader.stderr.resume();
  reader.on('error', (e: NodeJS.ErrnoException) => {
    ended = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? Dead.memory : Atomics.load(flag, STARTED) ? Dead.crashed : Dead.notStarted;
  });
  reader.on('exit', (code) => {
    if (code !== 0 && ended === Dead.exited) ended = Atomics.load(flag, STARTED) ? Dead.crashed : Dead.notStarted;
    Atomics.store(flag, DEAD, ended);
    Atomics.notify(flag, SENT);
  });
}

async function read(input: WorkerInput): Promise<void> {
  const { port, flag, job } = input;
  Atomics.store(flag, STARTED, 1);
  const post = (text: string) => {
    port.postMessage(text);
    Atomics.add(flag, SENT, 1);
    Atomics.notify(flag, SENT);
    for (let taken = Atomics.load(flag, TAKEN); Atomics.load(flag, SENT) - taken > AHEAD && Atomics.load(flag, STOP) === 0; taken = Atomics.load(flag, TAKEN)) {
      Atomics.wait(flag, TAKEN, taken, 100);
    }
  };
  const emit = (m: ReadMessage) => post(JSON.stringify(m));
  let finished = false;
  const fail = (e: unknown) => {
    if (finished) return;
    finished = true;
    emit(failure(e, job.file));
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  post(READY);
  try {
    await produce(job, emit, () => Atomics.load(flag, STOP) === 1);
    finished = true;
  } catch (e) {
    fail(e);
  }
  port.close();
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.role) {
  const input = workerData as WorkerInput;
  if (input.role === 'guard') guard(input);
  else void read(input);
}

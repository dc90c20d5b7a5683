/**
 * Standard output as bytes, written straight to file descriptor 1 with
 * writeSync: one system call per megabyte rather than a stream write (and a
 * string conversion) per piece. Used for the runchart command's JSON, which
 * can run to many megabytes.
 */
import * as fs from 'fs';

/** Set once the reader of a pipe has gone (`pace-tracker … | head`): the rest is dropped quietly, as other tools do. */
let readerGone = false;

/** Writes all of `bytes` to standard output before returning. */
export function writeStdoutBytes(bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length && !readerGone) {
    try {
      done += fs.writeSync(1, bytes, done, bytes.length - done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone = true;
      // A non-blocking pipe that is full: wait a moment for the reader, then carry on.
      else if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      else throw err;
    }
  }
}

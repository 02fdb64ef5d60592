// stdout and stderr without Node's stream machinery where it is not needed. Making
// process.stdout loads tty, net or the fs write stream and the streams they are built on:
// 2.5 ms of every command to /dev/null or a file, 4 ms to a pipe (how hooks and agents read
// taskgate). Where the descriptor is a pipe, a socket, a file or /dev/null (on POSIX), text
// goes to it with writeSync, in order, all of it. A terminal (whose width and colours
// matter), Windows, and anything else get the real stream; so does the rest of the output
// after a write the descriptor refuses for now (EAGAIN: a pipe another program made
// non-blocking), and any property other than write, isTTY, columns and writableLength.
// When the reader goes away (EPIPE: `taskgate list | head`), the rest of the output is
// dropped quietly and the command ends as it would have: what it did is done, and only the
// printing was cut short by the reader.

import { fstatSync, statSync, writeSync } from "node:fs";

/** What output() handed out: the stand-ins, and the real streams where it gave those. */
const handed: { pending(): boolean }[] = [];

/** process.stdout (fd 1) or process.stderr (fd 2), or a cheaper stand-in for it. */
export function output(fd: 1 | 2): NodeJS.WriteStream {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (!writesDirectly(fd)) {
    const real = quietOnClose(stream());
    handed.push({ pending: () => real.writableLength > 0 });
    return real;
  }
  const d = new Direct(fd, writeSync, stream);
  handed.push(d);
  return d.asStream();
}

/**
 * Whether output written so far still waits in a stream (pipes are asynchronous on POSIX,
 * terminals on Windows): then exiting at once would cut it. Only what went through output()
 * is looked at, so that asking makes no stream.
 */
export function outputPending(): boolean {
  return handed.some((h) => h.pending());
}

const quieted = new WeakSet<NodeJS.WriteStream>();

/** The stream, which ignores its reader going away (EPIPE) instead of failing the command. */
function quietOnClose(s: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!quieted.has(s)) {
    quieted.add(s);
    s.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
  return s;
}

function writesDirectly(fd: number): boolean {
  if (process.platform === "win32") return false;
  try {
    const st = fstatSync(fd);
    if (st.isFIFO() || st.isFile() || st.isSocket()) return true;
    if (!st.isCharacterDevice()) return false;
    const devNull = statSync("/dev/null");
    return st.rdev === devNull.rdev && st.ino === devNull.ino;
  } catch {
    return false;
  }
}

/** Writes to a descriptor; after a write it cannot take at once, to the stream instead. */
export class Direct {
  private fallen: NodeJS.WriteStream | undefined;
  /** The reader went away: nothing more is written. */
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly writeTo: (fd: number, buffer: Uint8Array, offset: number, length: number) => number,
    private readonly stream: () => NodeJS.WriteStream,
  ) {}

  write(chunk: string | Uint8Array): boolean {
    if (this.closed) return true;
    if (this.fallen) return this.fallen.write(chunk);
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let at = 0;
    while (at < bytes.length) {
      try {
        at += this.writeTo(this.fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EPIPE") {
          this.closed = true;
          return true;
        }
        if (code !== "EAGAIN") throw e;
        this.fallen = quietOnClose(this.stream());
        return this.fallen.write(bytes.subarray(at));
      }
    }
    return true;
  }

  pending(): boolean {
    return this.fallen !== undefined && this.fallen.writableLength > 0;
  }

  /** This, where a WriteStream is expected: what it does not have, the real stream answers. */
  asStream(): NodeJS.WriteStream {
    return new Proxy(this, {
      get: (target, key) => {
        if (key === "write") return (chunk: string | Uint8Array) => target.write(chunk);
        if (key === "isTTY") return false;
        if (key === "columns") return undefined;
        if (key === "writableLength") return target.fallen?.writableLength ?? 0;
        const real = target.fallen ?? target.stream();
        const value = Reflect.get(real, key);
        return typeof value === "function" ? value.bind(real) : value;
      },
    }) as unknown as NodeJS.WriteStream;
  }
}

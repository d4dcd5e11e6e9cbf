// The throughput baseline of bench/triage: the least a JSONL-to-JSONL tool can do — read each
// line, parse it, serialise it again and write it — in the same Node process model as the CLI.
// Prints its process CPU time on stderr in the same words as `baton triage`.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output, 'utf8');
let buffer = '';
for await (const line of createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const value = JSON.parse(line);
  buffer += `${JSON.stringify({ id: value.id, messages: value.messages })}\n`;
  if (buffer.length > 1 << 16) {
    if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
    buffer = '';
  }
}
out.end(buffer);
await new Promise((resolve) => out.once('finish', resolve));
const cpu = process.cpuUsage();
process.stderr.write(`parse-copy: process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s\n`);

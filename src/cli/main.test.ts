import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';

const namesOf = (command: { name(): string; aliases(): string[] }) => [command.name(), ...command.aliases()];

describe('buildProgram', () => {
  it('loads, for each command name and alias, a program that knows that command', async () => {
    // A command whose names are missing from the loader table would still work (everything loads
    // for an unknown name) but would start slowly; this keeps the table and the commands in step.
    const every = await buildProgram([]);
    const names = every.commands.flatMap(namesOf);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const program = await buildProgram([name]);
      expect(program.commands.length, `'${name}' should not load every command`).toBeLessThan(
        every.commands.length,
      );
      expect(program.commands.flatMap(namesOf)).toContain(name);
    }
  }, 60_000);
});

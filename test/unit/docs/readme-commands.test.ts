import type { Command } from 'commander';
import { silentProgram } from '../../support/silent-program';
import { readmeTallyCommands } from '../../support/readme-commands';

const program = silentProgram();

const longFlags = (command: Command): string[] =>
  command.options.flatMap((option) => (option.long === undefined ? [] : [option.long]));

/**
 * Resolves a README command against the real command tree: the commands it names (a `|` offers
 * several) and every `--flag` written after them. Returns what does not exist.
 */
function unknownParts(text: string): string[] {
  const tokens = text.replace(/^npx /, '').split(/\s+/).slice(1);
  const unknown: string[] = [];
  let commands: Command[] = [program];
  let index = 0;
  // Program options (`--connection <file>`) may come first.
  while (tokens[index]?.startsWith('--') === true) index += 2;
  for (; index < tokens.length; index += 1) {
    const word = tokens[index]!;
    if (!/^[a-z][a-z-]*(\|[a-z][a-z-]*)*$/.test(word)) break;
    const parents = commands;
    const next = word
      .split('|')
      .map((name) => parents.flatMap((parent) => parent.commands).find((c) => c.name() === name));
    if (next.some((command) => command === undefined)) {
      if (parents.every((parent) => parent.commands.length === 0)) break;
      unknown.push(word);
      return unknown;
    }
    commands = next as Command[];
    if (commands.every((command) => command.commands.length === 0)) break;
  }
  const declared = new Set([
    ...longFlags(program),
    ...commands.flatMap(longFlags),
    '--help',
    '--version',
  ]);
  for (const flag of text.match(/--[a-z][a-z-]*/g) ?? []) {
    if (!declared.has(flag)) unknown.push(flag);
  }
  return unknown;
}

describe('the README shows tally commands as they exist', () => {
  const commands = readmeTallyCommands();

  it('finds the commands it checks', () => {
    expect(commands.length).toBeGreaterThan(40);
    expect(commands).toContainEqual({
      text: 'npx tally sync --period 2026-10 --dry-run',
      inShellBlock: true,
    });
  });

  it.each(commands.map((command) => command.text))('%s', (command) => {
    expect(unknownParts(command)).toEqual([]);
  });

  it('catches a command or flag that does not exist', () => {
    expect(unknownParts('tally sink --period 2026-10')).toEqual(['sink']);
    expect(unknownParts('tally sync --perid 2026-10')).toEqual(['--perid']);
    expect(unknownParts('tally schedule set|lst')).toEqual(['set|lst']);
  });

  it('writes every shell example as it runs from a checkout, with npx', () => {
    const shell = commands.filter((command) => command.inShellBlock);
    expect(shell.length).toBeGreaterThan(5);
    expect(shell.filter((command) => !command.text.startsWith('npx tally'))).toEqual([]);
  });
});

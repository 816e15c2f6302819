import { readFileSync } from 'node:fs';
import path from 'node:path';

export const README_PATH = path.resolve(__dirname, '../../README.md');

export interface ReadmeCommand {
  readonly text: string;
  /** A line of a shell block (run as printed), not a reference in prose or a table. */
  readonly inShellBlock: boolean;
}

/** Every `tally …` the README shows: in inline code and as lines of its shell blocks. */
export function readmeTallyCommands(readme = readFileSync(README_PATH, 'utf8')): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let inBlock = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (/^(npx )?tally( |$)/.test(command)) commands.push({ text: command, inShellBlock: true });
      continue;
    }
    for (const match of line.matchAll(/`((?:npx )?tally [^`]+)`/g)) {
      commands.push({ text: match[1]!.replace(/\\\|/g, '|'), inShellBlock: false });
    }
  }
  return commands;
}

/** The shell blocks of one README section (`## title`), each as its command lines. */
export function readmeSectionBlocks(
  title: string,
  readme = readFileSync(README_PATH, 'utf8'),
): string[][] {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "## ${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) =>
    block[1]!
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== ''),
  );
}

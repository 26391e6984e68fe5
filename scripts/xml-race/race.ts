/**
 * The XML reader race (`npm run bench -- --reports`, or `node --expose-gc --import tsx scripts/xml-race/race.ts`):
 * every contender of child.ts parses the bench's 100,000-case JUnit and 10,000-file Cobertura documents into the
 * model, each run in a fresh process, interleaved (round-robin, the starting contender rotating every round).
 * Prints min and median time, median and largest peak RSS, and the ratios to the reference contender, and checks
 * that every contender found the same counts.
 *
 *   --rounds N        rounds (default 7; at least 5)
 *   --baseline REV    also race src/reports as of commit REV (copied out with `git show`, removed afterwards);
 *                     the ratios are then to it
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCobertura, generateJunit } from '../report-docs.js';
import { CONTENDERS, type Kind } from './child.js';

/** The files of src/reports that the baseline's parseJunit and parseCobertura import. */
const BASELINE_FILES = ['xml.ts', 'junit.ts', 'cobertura.ts', 'model.ts', 'paths.ts'];

interface Sample {
  ms: number;
  peakRssMB: number;
  counts: Record<string, number>;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function raceReaders({ rounds = 7, baseline }: { rounds?: number; baseline?: string } = {}): Promise<void> {
  if (rounds < 5) throw new Error('the race needs at least 5 rounds');
  const here = import.meta.dirname;
  const work = mkdtempSync(join(tmpdir(), 'ng-xml-race-'));
  // The baseline's files sit beside the scripts so that they resolve fast-xml-parser from node_modules.
  const baselineDir = baseline === undefined ? undefined : join(here, `.baseline-${process.pid}`);
  try {
    if (baselineDir !== undefined && baseline !== undefined) {
      mkdirSync(baselineDir);
      for (const f of BASELINE_FILES) {
        writeFileSync(join(baselineDir, f), execFileSync('git', ['show', `${baseline}:src/reports/${f}`], { cwd: here, encoding: 'utf8' }));
      }
    }
    const contenders = Object.keys(CONTENDERS).filter((c) => c !== 'baseline' || baselineDir !== undefined);
    const reference = baselineDir !== undefined ? 'baseline' : 'src';
    const docs: Array<{ kind: Kind; label: string; file: string }> = [
      { kind: 'junit', label: 'JUnit, 100,000 cases', file: join(work, 'junit-100k.xml') },
      { kind: 'cobertura', label: 'Cobertura, 10,000 files', file: join(work, 'cobertura-10k.xml') },
    ];
    writeFileSync(docs[0]!.file, generateJunit(100_000));
    writeFileSync(docs[1]!.file, generateCobertura(10_000));

    console.log(`\nXML reader race — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    console.log(`${rounds} rounds, round-robin (the first contender rotates), each run a fresh process: parse → model, counts from the elements`);
    for (const c of contenders) console.log(`  ${c.padEnd(11)} ${c === 'baseline' ? `src/reports at ${baseline} (fast-xml-parser + its hand-written fast path)` : CONTENDERS[c]}`);

    const samples = new Map<string, Sample[]>();
    for (let r = 0; r < rounds; r++) {
      for (const doc of docs) {
        for (let k = 0; k < contenders.length; k++) {
          const c = contenders[(r + k) % contenders.length]!;
          const args = ['--expose-gc', '--import', 'tsx', join(here, 'child.ts'), c, doc.kind, doc.file, ...(baselineDir ? [baselineDir] : [])];
          const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
          const sample = JSON.parse(out.trim().split('\n').pop()!) as Sample;
          const key = `${doc.kind} ${c}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
      process.stdout.write(`  round ${r + 1}/${rounds} done\n`);
    }

    for (const doc of docs) {
      const ref = samples.get(`${doc.kind} ${reference}`)!;
      const refCounts = JSON.stringify(ref[0]!.counts);
      console.log(`\n${doc.label} (${(statSync(doc.file).size / 2 ** 20).toFixed(1)} MB)`);
      console.log('contender     min ms  median ms  peak RSS MB (median / max)   min ×   median ×   counts');
      for (const c of contenders) {
        const s = samples.get(`${doc.kind} ${c}`)!;
        const ms = s.map((x) => x.ms);
        const rss = s.map((x) => x.peakRssMB);
        const same = s.every((x) => JSON.stringify(x.counts) === refCounts);
        const ratio = (f: (xs: number[]) => number): string => (f(ms) / f(ref.map((x) => x.ms))).toFixed(2).padStart(6);
        console.log(
          `${c.padEnd(11)} ${Math.min(...ms).toFixed(0).padStart(8)} ${median(ms).toFixed(0).padStart(10)} ${median(rss).toFixed(0).padStart(13)} / ${Math.max(...rss).toFixed(0).padStart(5)}       ${ratio((xs) => Math.min(...xs))} ${ratio(median)}     ${same ? 'same' : `DIFFERENT: ${JSON.stringify(s[0]!.counts)}`}`,
        );
      }
    }
    console.log(`\nratios are to ${reference}; counts: ${JSON.stringify(samples.get(`junit ${reference}`)![0]!.counts)} / ${JSON.stringify(samples.get(`cobertura ${reference}`)![0]!.counts)}`);
  } finally {
    if (baselineDir !== undefined) rmSync(baselineDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** `--rounds N` and `--baseline REV` from the command line. */
export function raceArgs(args: readonly string[]): { rounds?: number; baseline?: string } {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rounds = value('--rounds');
  return { rounds: rounds === undefined ? undefined : Number(rounds), baseline: value('--baseline') };
}

if (process.argv[1]?.endsWith('race.ts')) await raceReaders(raceArgs(process.argv.slice(2)));

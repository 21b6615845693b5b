import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const READMES = ['README.md', 'client/README.md'];

interface Snippet {
  /** Where the block starts, as `README.md:123`. */
  origin: string;
  code: string;
}

/** Every ```ts block of a Markdown file, indented ones (inside a list) included. */
function snippetsOf(file: string): Snippet[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ts\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    const body = lines.slice(i + 1, end).map((line) => line.slice(indent));
    snippets.push({ origin: `${file}:${i + 1}`, code: body.join('\n') });
    i = end;
  }
  return snippets;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
  skipLibCheck: true,
  paths: { '@application-gateway/client': [join(ROOT, 'client', 'src', 'index.ts')] },
};

/**
 * One compiler host for every check: the libraries and the client sources, which no check changes,
 * are parsed once (as an editor's language service does), only the snippets themselves each time.
 */
const host = ts.createCompilerHost(OPTIONS);
const parsed = new Map<string, ts.SourceFile | undefined>();
const parse = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, ...rest) => {
  if (fileName.startsWith(tmpdir())) return parse(fileName, languageVersion, ...rest);
  if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, languageVersion, ...rest));
  return parsed.get(fileName);
};

/** Type-checks snippets as a consumer's ES modules importing the client package by its name. */
function typeErrors(snippets: Snippet[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'readme-snippets-'));
  try {
    const files = snippets.map((snippet, i) => {
      const file = join(dir, `snippet-${i}.ts`);
      writeFileSync(file, snippet.code);
      return file;
    });
    const program = ts.createProgram(files, OPTIONS, host);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
      if (index < 0)
        return `${diagnostic.file ? relative(ROOT, diagnostic.file.fileName) : ''} ${message}`;
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const [file, start] = snippets[index].origin.split(':');
      return `${file}:${Number(start) + line + 1}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('TypeScript snippets of the READMEs', () => {
  const snippets = READMES.flatMap(snippetsOf);

  it('finds the client examples of both READMEs', () => {
    for (const readme of READMES) {
      expect(snippets.filter((snippet) => snippet.origin.startsWith(`${readme}:`))).not.toEqual([]);
    }
  });

  it('compiles every one of them against the client', () => {
    expect(typeErrors(snippets)).toEqual([]);
  }, 60_000);

  it('reports an error with the README line it is on', () => {
    const wrong = { origin: 'README.md:10', code: "\nconst n: number = 'text';\nexport {};" };
    expect(typeErrors([wrong])).toEqual([
      expect.stringMatching(/^README\.md:12: Type 'string' is not assignable to type 'number'/),
    ]);
  }, 60_000);
});

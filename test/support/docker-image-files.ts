import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The files an image of the Dockerfile would hold, worked out without a Docker engine: the build
 * context is the repository filtered by .dockerignore (Docker's rules: patterns relative to the
 * root, a pattern also matches everything under a matching directory, the last matching pattern
 * wins, `!` re-includes); each COPY takes context files or another stage's files; a `tsc -p X`
 * step adds the JavaScript of every source file X's program compiles (the files it includes and
 * every file they import); `npm ci` adds node_modules, which is not looked into.
 */
export const NODE_MODULES = 'node_modules/';

const root = join(__dirname, '..', '..');

export function contextFiles(candidates: string[]): string[] {
  const rules = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({
      include: line.startsWith('!'),
      pattern: globToRegExp(line.replace(/^!/, '').replace(/^\/+|\/+$/g, '')),
    }));
  return candidates.filter((path) => {
    const parents = path.split('/').map((_, n, parts) => parts.slice(0, n + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (parents.some((prefix) => rule.pattern.test(prefix))) excluded = !rule.include;
    }
    return !excluded;
  });
}

/** Docker's filepath.Match plus `**`: `*` and `?` stay within one path segment. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** The repository's tracked files, and the untracked ones git does not ignore. */
export function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

/**
 * Both images' programs read the same sources and typings: a compiler host that parses each file
 * once (per parse setting) for all of them, as an editor's language service does.
 */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();
function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, setting, ...rest) => {
    const key = `${fileName}\0${JSON.stringify(setting)}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, parse(fileName, setting, ...rest));
    return parsedFiles.get(key);
  };
  return host;
}

/**
 * The `.js` files `tsc -p tsconfigPath` writes, as paths in the image (outDir dist, below its
 * rootDir). A file the program pulls in from outside rootDir (an import of sandbox/ from src/ in
 * the production build) fails here, as it fails tsc.
 */
export function compiledFiles(tsconfigPath: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, tsconfigPath),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host: compilerHost(parsed.options),
  });
  const rootDir = parsed.options.rootDir!;
  return program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'))
    .map((file) => {
      const path = relative(rootDir, file.fileName);
      if (path.startsWith('..'))
        throw new Error(`${tsconfigPath} compiles ${path}: outside rootDir`);
      return `dist/${path.replace(/\.ts$/, '.js')}`;
    });
}

interface Stage {
  name: string;
  files: Set<string>;
  /** Its CMD (exec form), if it has one. */
  command?: string[];
}

/** Every stage of the Dockerfile with the files it holds (not those of its base image). */
export function imageStages(context: string[]): Map<string, Stage> {
  const stages = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const instruction of instructions(readFileSync(join(root, 'Dockerfile'), 'utf8'))) {
    const [keyword, ...args] = instruction.split(/\s+/);
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const [base, , name] = args;
        current = { name: name ?? base, files: new Set(stages.get(base)?.files ?? []) };
        stages.set(current.name, current);
        break;
      }
      case 'COPY': {
        const from = args.find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
        const paths = args.filter((arg) => !arg.startsWith('--'));
        const destination = paths.pop()!;
        const source = from ? [...stages.get(from)!.files] : context;
        for (const path of paths.map(withoutPrefix)) {
          for (const file of source.filter((f) => f === path || f.startsWith(`${path}/`))) {
            current!.files.add(destinationOf(file, path, withoutPrefix(destination)));
          }
        }
        break;
      }
      case 'CMD': {
        current!.command = JSON.parse(args.join(' ')) as string[];
        break;
      }
      case 'RUN': {
        if (/\bnpm ci\b/.test(instruction)) current!.files.add(NODE_MODULES);
        for (const [, tsconfig] of instruction.matchAll(/\btsc -p (\S+)/g)) {
          for (const file of compiledFiles(tsconfig)) current!.files.add(file);
        }
        break;
      }
    }
  }
  return stages;
}

function instructions(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

function withoutPrefix(path: string): string {
  return path
    .replace(/^\/app\//, '')
    .replace(/^\.\//, '')
    .replace(/\/$/, '');
}

/** Where COPY puts `file` (found under source `path`) when the destination is `destination`. */
function destinationOf(file: string, path: string, destination: string): string {
  if (file === path) return destination === '' ? file : `${destination}/${file.split('/').pop()}`;
  const below = file.slice(path.length + 1);
  return destination === '' ? below : `${destination}/${below}`;
}

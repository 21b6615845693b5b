import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_SLUGS, PROBLEM_TYPES, ProblemError } from './problem';

describe('problem catalogue', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'errors.md'), 'utf8');

  it.each(PROBLEM_SLUGS)('docs/errors.md lists %s with its status and title', (slug) => {
    const { status, title } = PROBLEM_TYPES[slug];
    expect(doc).toMatch(new RegExp(`^\\| \`${slug}\` +\\| ${status} +\\| ${title} +\\|`, 'm'));
  });

  it('docs/errors.md lists no type the catalogue lacks', () => {
    const listed = [...doc.matchAll(/^\| `([a-z-]+)` +\| \d{3} +\|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...PROBLEM_SLUGS].sort());
  });

  it('ProblemError.of takes status and title from the catalogue', () => {
    const error = ProblemError.of('app-model-not-found', 'No app model ffff in the market.');
    expect(error).toMatchObject({
      status: 404,
      slug: 'app-model-not-found',
      title: 'App model not found',
      detail: 'No app model ffff in the market.',
    });
  });
});

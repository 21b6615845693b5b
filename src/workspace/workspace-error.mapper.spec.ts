import { workspaceProblem } from './workspace-error.mapper';
import { parseWorkspaceError } from './workspace.wire';

describe('workspaceProblem', () => {
  it.each([
    ['WKS.00211102', 'conflict'],
    ['WKS.00211302', 'upstream-rejected'],
    ['APIGW.0308', 'upstream-throttled'],
  ])('%s is %s', (code, slug) => {
    expect(workspaceProblem(code)?.slug).toBe(slug);
  });

  it.each([['WKS.00211807'], ['toString'], [undefined]])(
    'leaves %s to the generic rules',
    (code) => {
      expect(workspaceProblem(code)).toBeUndefined();
    },
  );

  it('an error body carries the problem of its code', () => {
    expect(
      parseWorkspaceError({ error_code: 'WKS.00211102', error_msg: 'too many apps' }),
    ).toMatchObject({
      code: 'WKS.00211102',
      message: 'too many apps',
      problem: { slug: 'conflict' },
    });
  });
});

import { ProblemError } from '../../common/problem';
import { ListCursors } from './list-cursor';

const SCOPE = '["demo","acme",null,null]';

function rejects(run: () => unknown): void {
  expect(run).toThrow(ProblemError);
}

describe('ListCursors', () => {
  it('round-trips a position within its scope', () => {
    const cursors = new ListCursors();
    const cursor = cursors.encode({ source: 2, offset: 40 }, SCOPE);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursors.decode(cursor, SCOPE)).toEqual({ source: 2, offset: 40 });
  });

  it('refuses a cursor of another scope, an edited payload, a forged MAC and garbage', () => {
    const cursors = new ListCursors();
    const cursor = cursors.encode({ source: 1, offset: 5 }, SCOPE);
    const [payload, mac] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify([1, 0, 0])).toString('base64url');
    rejects(() => cursors.decode(cursor, '["demo","globex",null,null]'));
    rejects(() => cursors.decode(`${edited}.${mac}`, SCOPE));
    rejects(() => cursors.decode(`${payload}.${Buffer.alloc(16).toString('base64url')}`, SCOPE));
    rejects(() => cursors.decode(`${cursor}.x`, SCOPE));
    rejects(() => cursors.decode('nonsense', SCOPE));
  });

  it('verifies across instances only when they share the secret', () => {
    const cursor = new ListCursors('shared').encode({ source: 0, offset: 3 }, SCOPE);
    expect(new ListCursors('shared').decode(cursor, SCOPE)).toEqual({ source: 0, offset: 3 });
    rejects(() => new ListCursors('other').decode(cursor, SCOPE));
    rejects(() => new ListCursors().decode(cursor, SCOPE));
  });
});

import { StreamTickets } from './stream-tickets';

describe('StreamTickets', () => {
  let now = 1_000_000;
  const tickets = new StreamTickets('test-secret', 60, () => now);
  const caller = { name: 'frontend', teams: new Set(['acme', 'globex']), subject: 'user-1' };

  it('gives back the caller, limited to the one team, for its team and application', () => {
    const { ticket, expiresAt } = tickets.issue(caller, 'acme', 'rainbond:region-1:1');
    expect(expiresAt).toBe(new Date(now + 60_000).toISOString());
    expect(tickets.verify(ticket, 'acme', 'rainbond:region-1:1')).toEqual({
      name: 'frontend',
      subject: 'user-1',
      teams: new Set(['acme']),
    });
  });

  it('refuses a ticket for another application or team', () => {
    const { ticket } = tickets.issue(caller, 'acme', 'rainbond:region-1:1');
    expect(tickets.verify(ticket, 'acme', 'rainbond:region-1:2')).toBeUndefined();
    expect(tickets.verify(ticket, 'globex', 'rainbond:region-1:1')).toBeUndefined();
  });

  it('refuses an expired ticket', () => {
    const { ticket } = tickets.issue(caller, 'acme', 'rainbond:region-1:1');
    now += 60_000;
    expect(tickets.verify(ticket, 'acme', 'rainbond:region-1:1')).toBeUndefined();
  });

  it('refuses an edited or foreign ticket', () => {
    const { ticket } = tickets.issue(caller, 'acme', 'rainbond:region-1:1');
    const [payload, mac] = ticket.split('.');
    const edited = Buffer.from(payload, 'base64url').toString().replace('frontend', 'admin');
    expect(
      tickets.verify(
        `${Buffer.from(edited).toString('base64url')}.${mac}`,
        'acme',
        'rainbond:region-1:1',
      ),
    ).toBeUndefined();
    const other = new StreamTickets('other-secret', 60, () => now);
    expect(other.verify(ticket, 'acme', 'rainbond:region-1:1')).toBeUndefined();
    expect(tickets.verify('garbage', 'acme', 'rainbond:region-1:1')).toBeUndefined();
  });
});

import { explainTarget } from '../../../src/cli/commands/explain.action';

describe('what `tally explain <subject>` names', () => {
  it.each([
    { subject: '123', ticket: false, target: { kind: 'timesheet', id: 123 } },
    { subject: '#42', ticket: false, target: { kind: 'ticket', id: 42 } },
    { subject: '#42', ticket: true, target: { kind: 'ticket', id: 42 } },
    {
      subject: 'HT00028',
      ticket: false,
      target: { kind: 'ticket_reference', reference: 'HT00028' },
    },
    { subject: '12', ticket: true, target: { kind: 'ticket_reference', reference: '12' } },
    { subject: '#x1', ticket: false, target: { kind: 'ticket_reference', reference: '#x1' } },
  ])('$subject (--ticket: $ticket)', ({ subject, ticket, target }) => {
    expect(explainTarget(subject, ticket)).toEqual(target);
  });
});

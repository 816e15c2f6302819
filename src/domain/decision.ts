import type { Coverage } from './coverage';
import type { Problem } from './problems';
import type {
  CategoryKey,
  CustomerId,
  LocalDate,
  Minutes,
  TicketId,
  TierKey,
  TimesheetId,
} from './types';

/** The classification of one timesheet line: what it is, who pays, and why. */
export interface Decision {
  readonly lineId: TimesheetId;
  readonly ticketId: TicketId;
  readonly customerId: CustomerId | null;
  readonly date: LocalDate;
  readonly minutes: Minutes;
  readonly category: CategoryKey | null;
  readonly coverage: Coverage;
  /** The tier that applied on the line's date; null when it could not be determined. */
  readonly tier: TierKey | null;
  /** Ids of the rules that decided: category rule, agreement, coverage rule (in that order). */
  readonly ruleIds: readonly string[];
  /** One line for humans: "Bug fix: covered by Maintenance and Support Agreement". */
  readonly reason: string;
  /** Blocking problems force `review`; warnings ride along. */
  readonly problems: readonly Problem[];
}

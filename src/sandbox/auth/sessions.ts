import { randomBytes } from 'node:crypto';

/** Web sessions (`session_id` cookie) for /web/session/authenticate + /web/dataset/call_kw. */
export class Sessions {
  private readonly sessions = new Map<string, number>();

  open(uid: number): string {
    const sid = randomBytes(20).toString('hex');
    this.sessions.set(sid, uid);
    return sid;
  }

  uidOf(sid: string | undefined): number | undefined {
    return sid === undefined ? undefined : this.sessions.get(sid);
  }

  close(sid: string | undefined): void {
    if (sid !== undefined) this.sessions.delete(sid);
  }

  /** Expires every session (fault injection: the next call_kw answers code 100). */
  expireAll(): void {
    this.sessions.clear();
  }
}

import { randomUUID } from 'node:crypto';
import type { TestContext } from './test-app.js';

/** Helpers shared by the meeting tests. */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

/** A council through the API, working in Spanish and English, whose working groups need 20 days' notice (not the default 30). */
export async function meetingsCouncil(ctx: TestContext, slug: string): Promise<string> {
  const res = await ctx
    .http()
    .post('/councils')
    .send({
      slug: `${slug}-${randomUUID().slice(0, 8)}`,
      name: `Council ${slug} ${randomUUID()}`,
      workingLanguages: ['es', 'en'],
      timeZone: 'America/Panama',
      meetingRules: { working_group: { noticeDays: 20, agendaDays: 15, papersDays: 5 } },
    });
  if (res.status !== 201) throw new Error(`council: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

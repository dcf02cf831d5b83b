import { escapeHtml } from '../../core/text/escape-html.js';
import { renderProgressReportHtml, reportLanguage } from './progress-report-html.js';
import type { ProgressReportSnapshot } from './progress-report-snapshot.js';
import { rollup } from './progress-rollup.js';

const snapshot = (): ProgressReportSnapshot => ({
  council: { id: 'c', name: 'Council <of> "Migration"' },
  body: null,
  meeting: { id: 'm', title: "SOM 'one' & two", startsAt: '2027-03-01T15:00:00.000Z' },
  today: '2027-02-01',
  overall: rollup({ open: 1, done: 1 }, 1),
  recommendations: [
    {
      recommendationId: 'r',
      number: 5,
      title: 'Raise <pathways>',
      whoShouldAct: null,
      focusAreaId: 'f',
      focusAreaCode: 'C',
      ...rollup({ open: 1, done: 1 }, 1),
    },
  ],
  owners: [{ ownerKind: 'delegation', ownerId: 'd', ownerName: 'Canada & <friends>', ...rollup({ open: 1, done: 1 }, 1) }],
  items: [
    {
      id: 'i',
      title: { es: 'Informe <i>', en: 'Report <i>' },
      recommendationId: 'r',
      ownerKind: 'delegation',
      ownerDelegationId: 'd',
      ownerBodyId: null,
      ownerName: 'Canada & <friends>',
      dueDate: '2027-01-15',
      status: 'blocked',
      overdue: true,
      progressPercent: 40,
      progressRag: 'red',
      latestProgressText: '</td><script>x()</script>',
      latestProgressAt: '2027-01-20T00:00:00.000Z',
    },
  ],
  itemsTruncated: false,
});

describe('progress report document', () => {
  it('escapes every value', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderProgressReportHtml(snapshot(), 'en');
    expect(html).not.toMatch(/<script>|<i>|<pathways>|<friends>|<of>/);
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('Council &lt;of&gt; &quot;Migration&quot;');
    expect(html).toContain('SOM &#39;one&#39; &amp; two');
  });

  it('speaks the first working language, falling back to English', () => {
    const es = renderProgressReportHtml(snapshot(), 'es');
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Informe de avance');
    expect(es).toContain('Informe &lt;i&gt;');
    expect(es).toContain('Bloqueada');
    expect(reportLanguage(['fr', 'en'])).toBe('fr');
    expect(reportLanguage(['ar'])).toBe('en');
  });
});

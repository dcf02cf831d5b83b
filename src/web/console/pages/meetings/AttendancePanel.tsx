import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { ErrorText, Loading } from '../../components/Page';
import { type Meeting, Refusal } from './meeting-bits';

interface Props {
  councilId: string;
  meeting: Meeting;
  manages: boolean;
}

/**
 * Attendance of an open session: every delegation of the council with a "present" control, "Mark all present",
 * and the quorum as text in a polite live region ("6 of 8 member states, 6 required"), refreshed from the API
 * after each change (and every 15 s, for changes made elsewhere).
 */
export function AttendancePanel({ councilId, meeting, manages }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meetingId = meeting.id;
  const key = ['attendance', councilId, meetingId];
  const open = meeting.status === 'in_session';
  const editable = manages && open;

  const delegations = useQuery({
    queryKey: ['delegations', councilId],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/delegations', {
          params: { path: { councilId } },
        }),
      ).items,
  });
  const attendance = useQuery({
    queryKey: key,
    refetchInterval: open ? 15_000 : false,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}/attendance', {
          params: { path: { councilId, meetingId } },
        }),
      ),
  });
  const record = useMutation({
    mutationFn: async (changes: { delegationId: string; present: boolean }[]) => {
      for (const c of changes) {
        data(
          await api.PUT('/councils/{councilId}/meetings/{meetingId}/attendance/{delegationId}', {
            params: {
              path: { councilId, meetingId, delegationId: c.delegationId },
            },
            body: { present: c.present, representedBy: null },
          }),
        );
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  if (delegations.isLoading || attendance.isLoading) return <Loading />;
  if (delegations.error || attendance.error) return <ErrorText error={delegations.error ?? attendance.error} />;
  const present = new Map((attendance.data?.items ?? []).map((a) => [a.delegationId, a.present]));
  const list = [...(delegations.data ?? [])].sort((a, b) => a.participantKind.localeCompare(b.participantKind) || a.name.localeCompare(b.name));
  const absent = list.filter((d) => !present.get(d.id));
  const q = attendance.data!.quorum;

  return (
    <section aria-labelledby="attendance-title" className="attendance">
      <h2 id="attendance-title">{t('meetings.attendance.title')}</h2>
      <p role="status" aria-live="polite" className={`notice quorum ${q.met ? 'quorum-met' : 'quorum-not-met'}`}>
        <span className="quorum-text">
          {t('meetings.attendance.quorum', {
            present: q.memberStatesPresent,
            total: q.activeMemberStates,
            required: q.required,
          })}
        </span>{' '}
        <strong>{q.met ? t('meetings.attendance.met') : t('meetings.attendance.notMet')}</strong>
      </p>
      <p className="muted small">{q.rule}</p>
      {editable && (
        <div className="moves">
          <Button
            className="button"
            onPress={() => !record.isPending && absent.length > 0 && record.mutate(absent.map((d) => ({ delegationId: d.id, present: true })))}
          >
            {t('meetings.attendance.markAll')}
          </Button>
        </div>
      )}
      <Refusal error={record.error} zone={meeting.timeZone} />
      <ul className="plain-list attendance-list">
        {list.map((d) => {
          const here = present.get(d.id) === true;
          return (
            <li key={d.id} className="preference">
              <span>
                {d.name}{' '}
                <span className="muted small">
                  ({d.participantName} · {t(`meetings.attendance.kind.${d.participantKind}`)})
                </span>
              </span>
              {editable ? (
                <Checkbox
                  className="checkbox"
                  aria-label={t('meetings.attendance.presentFor', {
                    name: d.name,
                  })}
                  isSelected={here}
                  onChange={(on) => !record.isPending && record.mutate([{ delegationId: d.id, present: on }])}
                >
                  <span className="checkbox-box" aria-hidden="true" />
                  {t('meetings.attendance.present')}
                </Checkbox>
              ) : (
                <span>{here ? t('meetings.attendance.present') : t('meetings.attendance.absent')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type MeetingSummary = Ok<'listMeetings'>['items'][number];
export type Meeting = Ok<'getMeeting'>;
export type MeetingKind = Meeting['kind'];
export type MeetingAction = Meeting['actions'][number];
export type Room = Ok<'listMeetingRooms'>['items'][number];

// A Record over the generated union: a kind added on the server is a compile error here until listed.
const kindSet: Record<MeetingKind, true> = { ubnd_session: true, conference: true, working_session: true, online_conference: true };
export const MEETING_KINDS = Object.keys(kindSet) as MeetingKind[];

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (query: Query<'listMeetings'>) => ['meetings', 'list', query] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  rooms: ['meetings', 'rooms'] as const,
};

export function useMeetingList(query: Query<'listMeetings'>) {
  return useQuery({ queryKey: meetingKeys.list(query), queryFn: () => data(api.GET('/api/meetings', { params: { query } })), placeholderData: keepPreviousData });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => data(api.GET('/api/meetings/{id}', { params: { path: { id } } })) });
}

export function useRooms() {
  return useQuery({ queryKey: meetingKeys.rooms, queryFn: () => data(api.GET('/api/meeting-rooms', {})), staleTime: 5 * 60_000 });
}

/** After a step: the answer is the meeting's new detail; the lists are fetched again. */
export function useMeetingChanged() {
  const queryClient = useQueryClient();
  return (meeting: Meeting) => {
    queryClient.setQueryData(meetingKeys.one(meeting.id), meeting);
    void queryClient.invalidateQueries({ queryKey: meetingKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
  };
}

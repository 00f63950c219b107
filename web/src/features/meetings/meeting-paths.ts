/** The meetings pages; the weekly schedule and delegations live at their own addresses (another page set). */
export const MEETINGS_PATH = '/hop';
export const meetingPath = (id: string): string => `${MEETINGS_PATH}/${id}`;

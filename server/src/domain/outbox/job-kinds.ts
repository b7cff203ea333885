// The closed set of outbox job kinds; the worker's handler table must cover each.
export const jobKinds = ['seal-process', 'deliver-message', 'send-reminder', 'expire-process', 'deliver-report', 'deliver-file-room', 'directory-sync'] as const;
export type JobKind = (typeof jobKinds)[number];

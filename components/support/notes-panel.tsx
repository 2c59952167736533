import { formatDateTime } from '@/components/format-date';
import { NoteForm } from '@/components/support/note-form';
import { Section } from '@/components/ui/section';
import type { SupportLicenseDetail } from '@/lib/licensing/support-license-detail';

/** Support notes on the license: who wrote what, when; newest first. */
export function NotesPanel({ licenseId, notes }: { licenseId: string; notes: SupportLicenseDetail['notes'] }) {
  return (
    <Section title="Support notes" testId="notes">
      <NoteForm licenseId={licenseId} />
      <ul className="mt-4 space-y-3">
        {notes.map((note) => (
          <li key={note.id} className="rounded-lg bg-slate-50 px-3 py-2" data-testid="note">
            <p className="text-sm whitespace-pre-wrap text-slate-800">{note.body}</p>
            <p className="mt-1 text-xs text-slate-500" data-testid="note-meta">
              {note.authorName ? `${note.authorName} (${note.authorEmail})` : note.authorEmail} · {formatDateTime(note.createdAt)}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

import type { CombinedError } from 'urql';
import { FileUpload } from './FileUpload.js';
import { messageFor, type Problem, problemsFrom } from './forms.js';
import { uploadRefusal, type useFileUpload } from './use-file-upload.js';

type Upload = ReturnType<typeof useFileUpload>;

const ACCEPTED = 'PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, image or ZIP, up to 50 MB';

/** The problem with the file question before sending, or null once the file has finished uploading. */
export function uploadProblem(upload: Upload): Problem | null {
  if (upload.state === 'uploaded' && upload.uploadId) return null;
  return { field: 'file', message: upload.state === 'uploading' ? 'Wait for the file to finish uploading' : (upload.error ?? 'Select a file') };
}

/** The problems an answer from adding or replacing an artefact's file carries: a refused upload belongs to the file. */
export function artefactProblems(error: CombinedError | undefined, labels?: Record<string, string>): Problem[] {
  const refusal = uploadRefusal(error);
  return refusal ? [{ field: 'file', message: refusal }] : problemsFrom(error, labels);
}

/** The file question of an artefact form: what it accepts, its progress, and its error. */
export function ArtefactFileField({ upload, problems, note, onSelect }: { upload: Upload; problems: Problem[]; note?: string; onSelect: () => void }) {
  return (
    <FileUpload
      id="file"
      label="Upload a file"
      hint={note ? `${ACCEPTED}. ${note}` : ACCEPTED}
      error={messageFor(problems, 'file') ?? upload.error ?? undefined}
      state={upload.state}
      percent={upload.percent}
      onSelect={(file) => {
        onSelect();
        void upload.start(file);
      }}
    />
  );
}

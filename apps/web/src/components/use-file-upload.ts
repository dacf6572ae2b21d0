import { useCallback, useRef, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { CreateUploadDocument } from '../generated/graphql.js';

export type UploadState = 'idle' | 'uploading' | 'uploaded' | 'failed';

/** What each refusal means, in GOV.UK's voice for file upload errors (reason codes from docs/api.md). */
const REFUSALS: Record<string, string> & { FILE_TOO_LARGE: string } = {
  FILE_TOO_LARGE: 'The selected file must be smaller than 50 MB',
  FILE_EMPTY: 'The selected file is empty',
  FILE_TYPE_NOT_ALLOWED: 'The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, image or ZIP file',
  UPLOAD_INCOMPLETE: 'The selected file did not upload completely – try again',
  UPLOAD_EXPIRED: 'The upload took too long – select the file again',
  UPLOAD_ALREADY_USED: 'The selected file has already been added – select it again',
  UPLOAD_NOT_FOUND: 'The selected file could not be found – select it again',
};

/** The message for a refused upload, when the error is one (from createUpload or from adding the artefact). */
export function uploadRefusal(error: CombinedError | undefined): string | null {
  const extensions = error?.graphQLErrors[0]?.extensions;
  const code = extensions?.reasonCode;
  return typeof code === 'string' ? (REFUSALS[code] ?? String(extensions?.reason ?? 'The selected file could not be used')) : null;
}

/**
 * Uploads one file: asks the API for a signed address (createUpload), then PUTs the bytes there with
 * XMLHttpRequest, whose upload events give the progress (fetch has none).
 */
export function useFileUpload() {
  const [, createUpload] = useMutation(CreateUploadDocument);
  const [state, setState] = useState<UploadState>('idle');
  const [percent, setPercent] = useState(0);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);

  const start = useCallback(
    async (file: File) => {
      request.current?.abort();
      setState('uploading');
      setPercent(0);
      setUploadId(null);
      setError(null);
      const created = await createUpload({ input: { fileName: file.name, contentType: file.type || 'application/octet-stream', byteSize: file.size } });
      if (!created.data) {
        setError(uploadRefusal(created.error) ?? 'The selected file could not be uploaded – try again');
        setState('failed');
        return;
      }
      const { id, url, headers } = created.data.createUpload;
      const xhr = new XMLHttpRequest();
      request.current = xhr;
      xhr.open('PUT', url);
      for (const header of headers) xhr.setRequestHeader(header.name, header.value);
      xhr.upload.addEventListener('progress', (event) => event.lengthComputable && setPercent(Math.round((event.loaded / event.total) * 100)));
      xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          setPercent(100);
          setUploadId(id);
          setState('uploaded');
        } else {
          setError(xhr.status === 413 ? REFUSALS.FILE_TOO_LARGE : 'The selected file could not be uploaded – try again');
          setState('failed');
        }
      });
      xhr.addEventListener('error', () => {
        setError('The selected file could not be uploaded – check your connection and try again');
        setState('failed');
      });
      xhr.send(file);
    },
    [createUpload],
  );

  return { state, percent, uploadId, error, start };
}

/** Choose a scan folder on the hub's machine (GET /manage/folders): works the same in the app and in a browser. */
import { useEffect, useState } from 'react';
import type { FolderListingBody } from '../../../src-main/shared/api-types.js';
import { Dialog } from '../../app/dialog.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import type { Failure } from '../../errors/failure.js';
import { useTexts } from '../../i18n/language-store.js';
import { apiGet } from '../../lib/api-client.js';

export function FolderPicker({ start, onPick, onClose }: { start: string; onPick: (path: string) => void; onClose: () => void }) {
  const t = useTexts();
  const [listing, setListing] = useState<FolderListingBody | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const open = (path: string) => {
    setFailure(null);
    apiGet<FolderListingBody>(`/manage/folders${path ? `?path=${encodeURIComponent(path)}` : ''}`)
      .then(setListing)
      .catch((err: unknown) => setFailure({ kind: 'api', err }));
  };
  useEffect(() => open(start), []); // the start folder, once
  return (
    <Dialog title={t.folderTitle} onClose={onClose} onConfirm={() => listing && onPick(listing.path)} confirmLabel={t.folderChoose} confirmDisabled={!listing} testId="folder-picker">
      <div className="folder-path mono" data-testid="folder-path">
        {listing?.path ?? t.loading}
      </div>
      <div className="folder-roots">
        {listing?.parent ? (
          <button type="button" className="secondary small" onClick={() => open(listing.parent ?? '')}>
            ↑ {t.folderUp}
          </button>
        ) : null}
        {listing?.roots.map((r) => (
          <button key={r} type="button" className="link small" onClick={() => open(r)}>
            {r}
          </button>
        ))}
      </div>
      {failure ? <ErrorNotice failure={failure} /> : null}
      <ul className="folder-list">
        {listing?.folders.map((f) => (
          <li key={f.path}>
            <button type="button" className="folder" onClick={() => open(f.path)}>
              📁 {f.name}
            </button>
          </li>
        ))}
        {listing && listing.folders.length === 0 ? <li className="muted">{t.folderEmpty}</li> : null}
      </ul>
    </Dialog>
  );
}

import { useState } from 'react';
import type { IncomingDocument } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { t } from '../../i18n';
import { IncomingRegisterForm } from './incoming-register-form';
import type { Carry } from './register-values';
import { RegisteredResult } from './registered-result';

/** Register, see the arrival number, go on to the next: the clerk's loop, hundreds of times a day. */
export function IncomingRegisterPage() {
  const [round, setRound] = useState(0);
  const [carry, setCarry] = useState<Carry>();
  const [registered, setRegistered] = useState<IncomingDocument | null>(null);

  return (
    <>
      <PageHeader title={t('incoming.register')} description={t('incoming.form.description')} />
      {registered ? (
        <RegisteredResult
          document={registered}
          onNext={() => {
            setRegistered(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <IncomingRegisterForm
          // A new key mounts a fresh form: empty fields, "now" as the received time, the sender focused.
          key={round}
          carry={carry}
          onRegistered={(document, next) => {
            setCarry(next);
            setRegistered(document);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </>
  );
}

import type { Ok } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';

type Entries = Ok<'getRegisterEntries'>;

/**
 * The register as the printed book looks (Decree 30/2020, App. IV): the agency, the title, the period and
 * the line about the volume above a ruled table with the exact columns and rows the server gives. The
 * browser sizes the columns by what they hold (automatic table layout): a subject gets room, a date or a
 * number stays on one line, and no word is broken.
 */
export function RegisterBook({ entries }: { entries: Entries }) {
  const user = useCurrentUser();
  return (
    <div className="vps-book" data-testid="register-book">
      <div className="vps-book-agency">{user.agency.name}</div>
      <h2 className="vps-book-title">{entries.title}</h2>
      <div className="vps-book-period">{entries.period}</div>
      <div className="vps-book-subtitle">{entries.subtitle}</div>
      <div className="vps-book-scroll">
        <table className="vps-book-table">
          <thead>
            <tr>
              {entries.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
            {/* The printed books number their columns under the titles. */}
            <tr className="vps-book-numbers" aria-hidden>
              {entries.columns.map((c, i) => (
                <td key={c}>({i + 1})</td>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.rows.length === 0 ? (
              <tr>
                <td colSpan={entries.columns.length} className="vps-book-empty">
                  {t('registers.empty')}
                </td>
              </tr>
            ) : (
              entries.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

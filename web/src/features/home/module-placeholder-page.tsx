import { Button, Card, Result } from 'antd';
import { Link } from 'react-router';
import type { ModuleEntry } from '../../app/modules';
import { t } from '../../i18n';

/** A module of DESIGN.md whose screens are not built yet: say so plainly and say what it will do. */
export function ModulePlaceholderPage({ module }: { module: ModuleEntry }) {
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 64, color: '#b71c1c' }}>{module.icon}</span>}
        title={
          <>
            {t(module.title)}
            <br />
            <span style={{ fontSize: 18, color: 'rgba(0,0,0,0.55)' }}>{t('placeholder.title')}</span>
          </>
        }
        subTitle={
          <span className="vps-wrap" style={{ display: 'inline-block', maxWidth: 640 }}>
            {t('placeholder.willDo', { module: t(module.title) })}
            <br />
            {t(module.description)}
          </span>
        }
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}

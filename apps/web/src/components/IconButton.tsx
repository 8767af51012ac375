import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** A plain button (or the primary one, `primary`) with an icon before its words. */
export function IconButton({
  icon,
  primary = false,
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> & {
  icon: IconName;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} {...rest}>
      <Icon name={icon} size={18} />
      {children}
    </button>
  );
}

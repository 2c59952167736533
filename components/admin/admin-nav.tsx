import { NavLink } from '@/components/nav-link';

const LINKS = [
  { href: '/admin', label: 'Overview', exact: true },
  { href: '/admin/products', label: 'Products & plans', also: ['/admin/plans'] },
  { href: '/admin/licenses', label: 'Licenses' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/keys', label: 'Signing keys' },
  { href: '/admin/api-tokens', label: 'API tokens' },
  { href: '/admin/webhooks', label: 'Webhooks' },
  { href: '/admin/audit', label: 'Audit log' },
];

/**
 * The dashboard's sub-navigation. On phones the links wrap onto a second line rather than
 * scroll out of sight. UX only: every page and action checks the role itself.
 */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 text-sm lg:flex-col lg:flex-nowrap" data-testid="admin-nav">
      {LINKS.map((link) => (
        <NavLink key={link.href} href={link.href} exact={link.exact} also={link.also} className="px-3 py-2">
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}

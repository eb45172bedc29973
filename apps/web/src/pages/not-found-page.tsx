import { Link } from '@tanstack/react-router';
import { EmptyState } from '../components/ui/feedback';

export function NotFoundPage() {
  return (
    <div className="p-8">
      <EmptyState
        title="This page does not exist"
        action={
          <Link to="/templates" className="text-sm font-medium text-brand-600 hover:underline">
            Go to templates
          </Link>
        }
      >
        The address may be mistyped, or the thing it pointed to was deleted.
      </EmptyState>
    </div>
  );
}

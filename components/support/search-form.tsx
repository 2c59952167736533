import { inputClass } from '@/components/ui/field-styles';

/** The one search box of the support console; a plain GET form, so results have a URL. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form action="/support" method="get" role="search" className="flex flex-col gap-2 sm:flex-row" data-testid="support-search">
      <label className="flex-1">
        <span className="sr-only">Search licenses</span>
        <input
          name="q"
          type="search"
          defaultValue={query}
          autoFocus
          maxLength={200}
          placeholder="License key or one group of it, customer name or email, device hostname or fingerprint"
          className={`${inputClass} text-base placeholder:text-slate-500`}
        />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-500">
        Search
      </button>
    </form>
  );
}

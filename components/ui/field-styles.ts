// Class strings shared by server pages (the admin filters) and client forms. This module
// has no 'use client': a server file that reads a value exported by a client module gets
// a client reference, not the string (issue 14: the filters rendered a function's source).

/** The text input, select and textarea of every form and filter. */
export const inputClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 aria-invalid:border-red-600';

import { useSyncExternalStore } from 'react';

/**
 * Who "I" am until accounts exist (issue 4): a display name and colour kept in localStorage.
 * Everything else asks this module only, so accounts can replace it in one place.
 */
export interface LocalUser {
  name: string;
  color: string;
}

const STORAGE_KEY = 'dalil.user';

/** Dark enough for white caret labels (contrast ≥ 4.5:1), distinct enough side by side. */
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0f766e', '#4338ca', '#9f1239', '#3f6212'];

const listeners = new Set<() => void>();
let current: LocalUser = load();

function load(): LocalUser {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (isLocalUser(parsed)) return parsed;
    }
  } catch {
    // unreadable storage: make up a fresh identity below
  }
  const user = {
    name: `Invité ${Math.floor(100 + Math.random() * 900)}`,
    color: PALETTE[Math.floor(Math.random() * PALETTE.length)]!,
  };
  persist(user);
  return user;
}

function isLocalUser(value: unknown): value is LocalUser {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LocalUser).name === 'string' &&
    (value as LocalUser).name.trim() !== '' &&
    typeof (value as LocalUser).color === 'string'
  );
}

function persist(user: LocalUser): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  } catch {
    // the name still applies for this visit
  }
}

export function getLocalUser(): LocalUser {
  return current;
}

export function setLocalUserName(name: string): void {
  const trimmed = name.trim().slice(0, 60);
  if (!trimmed || trimmed === current.name) return;
  current = { ...current, name: trimmed };
  persist(current);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocalUser(): LocalUser {
  return useSyncExternalStore(subscribe, getLocalUser);
}

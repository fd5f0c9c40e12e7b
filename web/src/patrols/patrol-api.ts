// Calls of the patrol API (server/src/patrols/patrol.routes.ts).
import { api } from '../api/client.ts';

export interface PatrolCheckin {
  id: number;
  lng: number;
  lat: number;
  at: string;
  receivedAt: string;
  gridId: number | null;
  gridCode: string | null;
  gridName: string | null;
  outsideOwnGrids: boolean;
}

export interface Patrol {
  id: number;
  startedAt: string;
  endedAt: string | null;
  distanceM: number;
  durationS: number;
  checkinCount: number;
  note: string;
  checkins: PatrolCheckin[];
}

export interface PatrolDay {
  date: string;
  open: Patrol | null;
  patrols: Patrol[];
  checkins: PatrolCheckin[];
  ownGridIds: number[];
}

export interface Coverage {
  weekStart: string;
  staleDays: number;
  staleSince: string;
  totals: { grids: number; patrolledThisWeek: number; stale: number };
  grids: {
    id: number;
    code: string;
    name: string;
    villageId: number;
    villageName: string;
    centerLng: number;
    centerLat: number;
    lastAt: string | null;
    weekCheckins: number;
    patrolledThisWeek: boolean;
    stale: boolean;
  }[];
  workers: {
    accountId: number;
    username: string;
    name: string;
    gridId: number | null;
    gridName: string | null;
    weekCheckins: number;
    weekOutsideOwnGrids: number;
    weekPatrols: number;
    weekDistanceM: number;
    lastAt: string | null;
  }[];
}

export interface StartBody {
  startedAt: string;
  clientRequestId: string;
}
export interface CheckinBody {
  lng: number;
  lat: number;
  coordSystem?: 'wgs84' | 'gcj02' | 'bd09';
  at: string;
  clientRequestId: string;
}
export interface EndBody {
  patrolId?: number;
  patrolRequestId?: string;
  endedAt: string;
}

export const myDay = (date?: string) => api.get<PatrolDay>('/api/patrols/mine', { date });
export const startPatrol = (body: StartBody) => api.post<{ patrol: Patrol }>('/api/patrols', body);
export const checkIn = (body: CheckinBody) =>
  api.post<{ checkin: PatrolCheckin; patrolId: number | null; nearestGrid: boolean }>(
    '/api/patrols/checkins',
    body,
  );
export const endPatrol = (body: EndBody) =>
  api.post<{ patrol: Patrol; ended: boolean }>('/api/patrols/end', body);
export const coverage = (staleDays?: number) => api.get<Coverage>('/api/patrols/coverage', { staleDays });

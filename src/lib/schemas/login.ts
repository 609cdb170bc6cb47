import { z } from 'zod';
import { currentPassword, email } from './fields';

// the page to go back to (redirectTo) is checked apart: $lib/server/auth/redirect-target.ts
export const loginSchema = z.object({ email, password: currentPassword });

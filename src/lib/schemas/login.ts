import { z } from 'zod';
import { currentPassword, email, redirectTo } from './fields';

export const loginSchema = z.object({ email, password: currentPassword, redirectTo });

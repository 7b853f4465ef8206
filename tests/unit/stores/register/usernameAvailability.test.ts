import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { isUsernameTaken } from '@/services/register/registration'
import { usePlatformStore } from '@/stores/platform'
import { availabilityDebounceMs, useUsernameAvailabilityStore } from '@/stores/register/usernameAvailability'

vi.mock('@/services/register/registration', () => ({ isUsernameTaken: vi.fn(), createAccount: vi.fn() }))

const info = { name: 'P', api: 'x', register: 'http://127.0.0.1:3000/reg/', access: 'y' } as ServiceInfo

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
  vi.spyOn(usePlatformStore(), 'info').mockResolvedValue(info)
  vi.mocked(isUsernameTaken)
    .mockReset()
    .mockImplementation(async (_url, name) => name === 'taken-name')
})
afterEach(() => vi.useRealTimers())

describe('username availability', () => {
  it('asks once the person pauses, for the last name typed only', async () => {
    const availability = useUsernameAvailabilityStore()
    for (const typed of ['taken', 'taken-', 'taken-n', 'taken-na', 'Taken-Name']) {
      availability.typed(typed)
      await vi.advanceTimersByTimeAsync(availabilityDebounceMs - 100)
    }
    expect(isUsernameTaken).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    expect(isUsernameTaken).toHaveBeenCalledExactlyOnceWith(info.register, 'taken-name')
    expect([availability.username, availability.availability]).toEqual(['taken-name', 'taken'])
  })

  it('never asks about names the platform would refuse anyway', async () => {
    const availability = useUsernameAvailabilityStore()
    availability.typed('ab')
    availability.typed('-bad-')
    await vi.advanceTimersByTimeAsync(availabilityDebounceMs * 2)
    expect(isUsernameTaken).not.toHaveBeenCalled()
    expect(availability.availability).toBe('unknown')
  })

  it('ignores an answer about a name the person has since changed', async () => {
    let answer: (taken: boolean) => void = () => undefined
    vi.mocked(isUsernameTaken).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const availability = useUsernameAvailabilityStore()
    availability.typed('first-name')
    await vi.advanceTimersByTimeAsync(availabilityDebounceMs)
    expect(availability.availability).toBe('checking')
    availability.typed('second-name')
    answer(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(availability.availability).toBe('unknown')
    await vi.advanceTimersByTimeAsync(availabilityDebounceMs)
    expect([availability.username, availability.availability]).toEqual(['second-name', 'available'])
  })

  it('says nothing when the platform cannot answer', async () => {
    vi.mocked(isUsernameTaken).mockRejectedValueOnce(new AppError('network'))
    const availability = useUsernameAvailabilityStore()
    availability.typed('some-name')
    await vi.advanceTimersByTimeAsync(availabilityDebounceMs)
    expect(availability.availability).toBe('unknown')
  })
})

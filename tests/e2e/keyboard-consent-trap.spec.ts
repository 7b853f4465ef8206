import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, test } from './fixtures'
import { expectTabCycle, pressAndExpectFocus, signInWithKeyboard } from './keyboard'

// Decision: the header's language switch stays in the consent's Tab cycle. A person must be able to
// read what they grant in their language, and a keyboard user must reach what a pointer user can;
// switching keeps the flow's state, so it cannot break the modal step.
test('the consent keeps Tab and Shift+Tab on itself and the language switch, then the focus lands on Done', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-trap' })
  await signInWithKeyboard(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeFocused()

  const accept = page.getByRole('button', { name: 'Accept' })
  const refuse = page.getByRole('button', { name: 'Refuse' })
  const language = page.getByRole('combobox', { name: /^(Language|Langue)$/ })
  await expectTabCycle(page, [accept, refuse, language])
  await pressAndExpectFocus(page, 'Shift+Tab', language)

  // Typing a letter on the switch picks the language; the consent stays, now in French.
  await page.keyboard.type('f')
  await expect(page.getByRole('heading', { name: 'Donner accès à vos données ?' })).toBeVisible()
  await expect(language).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accepter' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Terminé' })).toBeFocused()
  expect((await demoPlatform.pollHistory(request.key)).map((entry) => entry.status)).toContain('ACCEPTED')
})

// Checks what the runs of invoker.properties left behind.
def migrations = new File(basedir, 'src/main/java/com/example/it/migrations')
def names = (migrations.list() ?: []) as List
assert names.size() == 2 : "two migrations expected in ${migrations}, found ${names}"
def createPeople = names.find { it.endsWith('_create_people.java') }
def addAge = names.find { it.endsWith('_add_age.java') }
assert createPeople : "no *_create_people.java in ${names}"
assert addAge : "no *_add_age.java in ${names}"

def addAgeSource = new File(migrations, addAge).text
assert addAgeSource.contains('package com.example.it.migrations;')
assert addAgeSource.contains('"age"') : addAgeSource

def script = new File(basedir, 'upgrade.sql')
assert script.isFile() : 'autogenerate:sql wrote no upgrade.sql'
assert script.text.toLowerCase().contains('age') : script.text
// -Dautogenerate.singleTransaction: both revisions in one transaction.
assert script.text.readLines().count { it == 'begin;' } == 1 : script.text
assert script.text.readLines().count { it == 'commit;' } == 1 : script.text

def log = new File(basedir, 'build.log').text
assert log.contains('Differences: the database does not match the entities') : 'the drift build did not report the difference'
// The failure names the goal and the difference itself.
assert log.contains('autogenerate:check failed:')
assert log.contains('add column people.age')
// Not twice: the lines are in the log, and the failure that Maven repeats at the end points at them.
// Maven ends the last line of a failure's message with its help link.
def failures = log.readLines().findAll { it.contains('autogenerate:check failed:') }.collect { it - ' -> [Help 1]' }
assert failures.any { it.endsWith('the database does not match the entities: add column people.age (listed above)') } : failures
// A quiet build logs no INFO: there the failure carries the differences itself.
assert failures.any { it.endsWith('the database does not match the entities:') } : failures
assert failures.every { it.endsWith('(listed above)') || it.endsWith('entities:') } : failures
// There too in the build's words.
assert log.contains('[ERROR] Run mvn autogenerate:generate -Dautogenerate.message="message" to write a migration for them.')
// What the output advises, as goals.
assert log.contains('Run mvn autogenerate:generate -Dautogenerate.message="message" to write a migration for them.')
assert !log.contains('In Maven the commands above are goals') : 'the legend is said in the output itself now'

assert log.contains('OK: the database is at the newest migration and matches the entities.')
assert log.contains('Committed the 1 revision(s) applied above, in one transaction')
assert log.contains("-Dautogenerate.skip must be true or false, not 'yes'") : 'a wrong switch read as false'
// After mvn clean, upgrade made the database again from the migrations alone.
assert new File(basedir, 'deployed.db').isFile() : 'upgrade after mvn clean made no deployed.db'
assert log.readLines().findAll { it.contains('(head)') }.size() >= 2 : 'current after mvn clean did not show the head'
// The deployed database, adopted by the baseline goal: one migration creating people as it is.
def adopted = new File(basedir, 'src/main/java/com/example/it/adopted')
def adoptedNames = (adopted.list() ?: []) as List
assert adoptedNames.size() == 1 && adoptedNames[0].endsWith('_adopt_people.java') : "one baseline expected, found ${adoptedNames}"
assert new File(adopted, adoptedNames[0]).text.contains('op.createTable("people"')
assert log.contains('Stamped base (nothing ran)') : 'stamp base did not run'
assert log.readLines().count { it.contains('OK: the database is at the newest migration and matches the entities.') } >= 3 :
    'check after the baseline did not pass'
return true

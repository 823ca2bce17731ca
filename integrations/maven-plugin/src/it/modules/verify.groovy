// Checks what the runs of invoker.properties left behind.
// The migration went to the app's own source folder (<sourceDirectory>java</sourceDirectory>),
// which its build compiles, and holds the domain module's table too: nothing is dropped.
def migrations = new File(basedir, 'app/java/com/example/mods/migrations')
def names = (migrations.list() ?: []) as List
assert names.size() == 1 : "one migration expected in ${migrations}, found ${names}"
def source = new File(migrations, names[0]).text
assert source.contains('op.createTable("customers"') : source
assert source.contains('op.createTable("audit_logs"') : source
assert !source.substring(0, source.indexOf('downgrade(')).contains('dropTable') : source
// The same organisation's library, versioned on its own, is no sibling: its entity is not compared.
assert !source.contains('legacy_rows') : source
assert !new File(basedir, 'app/src/main/java').exists() : 'the migration went to src/main/java, which this build does not compile'

// The command line's database, not the POM's.
assert new File(basedir, 'app/target/typed.db').isFile() : 'no app/target/typed.db: -Dautogenerate.url was not used'
assert !new File(basedir, 'app/target/configured.db').exists() : 'the POM url was used despite -Dautogenerate.url'

def logFile = new File(basedir, 'app/build.log').isFile() ? new File(basedir, 'app/build.log') : new File(basedir, 'build.log')
def log = logFile.text
assert log.contains('OK: the database is at the newest migration and matches the entities.') : log
// The Spring Boot module: migrations in the application's package, the profile's database.
def webMigrations = new File(basedir, 'web/src/main/java/com/example/mods/web/migrations')
def webNames = (webMigrations.list() ?: []) as List
assert webNames.size() == 1 : "one migration expected in ${webMigrations}, found ${webNames}"
assert new File(webMigrations, webNames[0]).text.contains('op.createTable("customers"')
assert webNames[0].endsWith('_web.java') : "the message typed (web) expected in the name, found ${webNames[0]}"
def databases = []
new File(basedir, 'web').eachFileRecurse { if (it.name.endsWith('.db')) databases << it.name }
assert databases.sort() == ['other.db', 'yaml.db'] : "the profiles' databases expected, found ${databases}"
// The profile whose YAML sets the starter's package: the migration is there.
def yamlMigrations = new File(basedir, 'web/src/main/java/com/example/mods/web/db')
def yamlNames = (yamlMigrations.list() ?: []) as List
assert yamlNames.size() == 1 && yamlNames[0].endsWith('_yaml.java') : "one migration expected in ${yamlMigrations}, found ${yamlNames}"
// The goal typed at the root: skipped where it has no place.
def rootLog = new File(basedir, 'build.log').text
// The domain module's compiled edit is seen by check with both modules selected and with -pl app alone
// (counted in check's lists: each failure names the difference too).
assert rootLog.readLines().count { it.startsWith('[INFO]') && it.contains('add column customers.email') } == 2 : rootLog
assert rootLog.contains('autogenerate: skipped in modules (a pom module has no classes)') : rootLog
assert rootLog.contains('autogenerate: skipped in domain (this module does not declare the plugin)') : rootLog
assert !new File(basedir, 'domain/src/main/java/com/example/mods/migrations').exists()
return true

namespace Qilu.Testing;

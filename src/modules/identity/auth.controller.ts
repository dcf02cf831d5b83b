import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { LoginDto } from './dto/login.dto.js';
import { MeResponse } from './dto/me.response.js';
import { RefreshTokenDto } from './dto/refresh-token.dto.js';
import { SetPasswordDto } from './dto/set-password.dto.js';
import { TokenResponse } from './dto/token.response.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import { PasswordLinksService } from './password-links.service.js';
import { ProfileService } from './profile.service.js';
import { SessionsService } from './sessions.service.js';

// The sign-in path must stay '/auth/login': create-api.ts attaches the sign-in rate limit to LOGIN_PATH.
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordLinksService,
    private readonly profile: ProfileService,
  ) {}

  @Post('login')
  @RequirePermission('session.use')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password: an access token and a refresh token (rate-limited per client address)' })
  @ApiOkResponse({ type: TokenResponse })
  login(@Body() dto: LoginDto): Promise<TokenResponse> {
    return this.sessions.login(dto);
  }

  @Post('refresh')
  @RequirePermission('session.use')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new access token and a new refresh token (the old one is used up; reusing it ends the session)' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenResponse> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('logout')
  @RequirePermission('session.use')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session of the refresh token ends (access tokens expire by themselves within minutes)' })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.sessions.logout(dto.refreshToken);
  }

  @Post('password')
  @RequirePermission('session.use')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set the password with a one-time link token (12 to 200 characters); signs the account out everywhere, then in here: a new session, as from login. ' +
      'A refused link: 400 on field token, rule link_expired, link_used (used or replaced) or valid_link (unknown)',
  })
  @ApiOkResponse({ type: TokenResponse })
  setPassword(@Body() dto: SetPasswordDto): Promise<TokenResponse> {
    return this.passwords.setPassword(dto);
  }

  @Get('me')
  @RequirePermission('profile.read')
  @ApiOperation({ summary: 'The signed-in person and their roles in each council' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentCaller() caller: Caller): Promise<MeResponse> {
    return this.profile.me(caller);
  }

  @Patch('me')
  @RequirePermission('profile.update')
  @ApiOperation({ summary: 'Change your own language (of the console and of your emails) and time zone; answers your profile' })
  @ApiOkResponse({ type: MeResponse })
  updateMe(@CurrentCaller() caller: Caller, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    return this.profile.update(caller, dto);
  }
}
